package vn.chotdon.order.payment.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Memos as Vietnamese banks and wallets deliver them (formats seen in banks' notification lines:
 * prefixes, reference numbers, diacritics stripped, words glued or split). The cooperative's real
 * orders here are 3AGGHV97, 5BCDEF23 and XYZ23456.
 */
class MemoMatcherTest {

    private static final Set<String> REAL = Set.of("3AGGHV97", "5BCDEF23", "XYZ23456");

    private static MemoReading read(String memo) {
        return MemoMatcher.read(memo, MemoMatcherTest::real);
    }

    private static Set<String> real(Collection<String> candidates) {
        return candidates.stream().filter(REAL::contains).collect(Collectors.toCollection(HashSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            VCB, MB to VCB             | MBVCB.1234567.CHOTDON 3AGGHV97.CT tu 0123456789 NGUYEN VAN A toi 9876543210 HTX DAN PHUONG
            VCB, within VCB            | CHOTDON 3AGGHV97
            VCB, dotted no prefix      | MBVCB.9876543210.058234.3AGGHV97.CT tu 0011004455667 NGUYEN VAN B toi 1903
            VCB, IBFT                  | IBFT CHOTDON 3AGGHV97
            IBFT without prefix        | IBFT 3AGGHV97
            MB, app                    | NGUYEN VAN A chuyen tien CHOTDON 3AGGHV97- Ma GD ACSP/ ab123456
            MB, glued                  | CHOTDON3AGGHV97 FT25332987654321
            Techcombank                | CHOTDON 3AGGHV97 FT25332123456789
            Techcombank, lower         | chotdon 3agghv97
            ACB                        | GD 123456-112825 20:15:37 CHOTDON 3AGGHV97
            ACB, semicolons            | ACB;0123456789;CHOTDON 3AGGHV97;
            BIDV                       | REM Tfr Ac: 12345678901 CHOTDON 3AGGHV97
            BIDV, prefix wins          | CHOTDON 3AGGHV97 REF 5BCDEF23
            VPBank, dash               | CHOTDON-3AGGHV97
            TPBank, underscore         | CHOTDON_3AGGHV97 TPB
            Agribank, 247              | CHOTDON 3AGGHV97 Chuyen tien nhanh 247
            NAPAS 247                  | NAPAS 247 CHOTDON3AGGHV97
            MoMo wallet                | CHOTDON 3AGGHV97 - NGUYEN THI LAN chuyen tien qua MoMo
            ZaloPay wallet             | ZaloPay 251128000123456 CHOTDON 3AGGHV97
            ShopeePay wallet           | SHOPEEPAY CHOTDON 3AGGHV97 TT don hang
            diacritics kept            | Chốt đơn 3AGGHV97
            all lower, glued           | chotdon3agghv97
            split after prefix         | CHOTDON 3AGG HV97
            split in three             | CHOTDON 3AG GHV 97
            split lower with spaces    | chot don 3agg hv97
            split without prefix       | 3AGG HV97 chuyen khoan
            typed by hand              | Thanh toan don hang 3AGGHV97 cho HTX
            look-alike number first    | 23456789 3AGGHV97
            reference then code        | FT25332ABCD 3AGGHV97
            """)
    void findsTheOrderCodeAsBanksDeliverIt(String bank, String memo) {
        assertThat(read(memo)).as(bank).isEqualTo(new MemoReading.Found("3AGGHV97"));
    }

    @Test
    void anotherRealOrderIsFoundTheSameWay() {
        assertThat(read("MBVCB.555.CHOTDON XYZ23456.CT tu 0123")).isEqualTo(new MemoReading.Found("XYZ23456"));
    }

    @Test
    void twoRealOrdersAreAmbiguous() {
        assertThat(read("CHOTDON 3AGGHV97 CHOTDON 5BCDEF23"))
                .isEqualTo(new MemoReading.Ambiguous(List.of("3AGGHV97", "5BCDEF23")));
        assertThat(read("3AGGHV97 5BCDEF23")).isEqualTo(new MemoReading.Ambiguous(List.of("3AGGHV97", "5BCDEF23")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no code at all              | chuyen tien an trua
            glued without the prefix    | ND3AGGHV97
            code cut short              | CHOTDON 3AGGHV
            a letter O, never in codes  | CHOTDON 3AGGHV9O
            only a phone and a name     | CT tu 0912345678 NGUYEN VAN A
            """)
    void noCodeIsNeverInvented(String what, String memo) {
        assertThat(read(memo)).as(what).isEqualTo(new MemoReading.NoCode());
    }

    @Test
    void anEmptyOrMissingMemoHasNoCode() {
        assertThat(read(null)).isEqualTo(new MemoReading.NoCode());
        assertThat(read("")).isEqualTo(new MemoReading.NoCode());
    }

    @Test
    void codesOfNoRealOrderAreUnknownAndNotGuessedAt() {
        assertThat(read("CHOTDON 9ZZZZZZZ")).isEqualTo(new MemoReading.Unknown(List.of("9ZZZZZZZ")));
        // One character off a real order is another code, not a typo to correct.
        assertThat(read("CHOTDON 3AGGHV98")).isEqualTo(new MemoReading.Unknown(List.of("3AGGHV98")));
    }

    @Test
    void theLookupIsAskedOnlyAboutCandidatesAndPrefixedOnesFirst() {
        List<Collection<String>> asked = new java.util.ArrayList<>();
        MemoMatcher.read("CHOTDON 3AGGHV97 REF 5BCDEF23", codes -> {
            asked.add(List.copyOf(codes));
            return real(codes);
        });
        assertThat(asked).containsExactly(List.of("3AGGHV97"));
    }

    @Test
    void plainTextDropsDiacriticsAndUpperCases() {
        assertThat(MemoMatcher.plain("Chốt đơn Đan Phượng")).isEqualTo("CHOT DON DAN PHUONG");
    }
}
