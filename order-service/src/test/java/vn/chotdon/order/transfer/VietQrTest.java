package vn.chotdon.order.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The VietQR payload against published examples, byte for byte with their CRC, and read back.
 *
 * <p>Sources of the examples:
 * <ul>
 * <li>NAPAS, "Technical Specifications on NAPAS QR Switching, Part IV: QR Code Format", version
 * 1.5.2 (January 2021), the examples of a funds transfer to an account (QRIBFTTA), as quoted
 * character for character by the compliance tests of the open-source vietqr-ts library
 * (tests/compliance/napas-dynamic-account.test.ts and napas-static-account.test.ts);</li>
 * <li>the test cases of the open-source Go library giautm/emvqr-go (emvqr_test.go), built for
 * VietinBank's BIN 970415 and the account 113366668888 of NAPAS's published sample.</li>
 * </ul>
 */
class VietQrTest {

    /** NAPAS 1.5.2: a dynamic transfer to Sacombank account 0011012345678, 180,000 đồng, bill NPS6869. */
    static final String NAPAS_DYNAMIC = "00020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA"
            + "530370454061800005802VN62340107NPS68690819thanh toan don hang63042E2E";
    /** NAPAS 1.5.2's static example as printed: the beneficiary says 12 characters where 13 follow. */
    static final String NAPAS_STATIC_AS_PRINTED = "00020101021138570010A00000072701270006970403011200110123456780208"
            + "QRIBFTTA53037045802VN6304F4E5";
    /** emvqr-go's VietQR case: the additional data (62) comes before the account (38); EMVCo allows any order. */
    static final String EMVQR_GO_UNORDERED = "00020101021262110807tien le38560010A0000007270126000697041501121133666688880208"
            + "QRIBFTTA5303704540460005802VN63046893";
    /** emvqr-go's benchmark case: amount (54) before currency (53), point of initiation 11 with an amount. */
    static final String EMVQR_GO_BENCHMARK = "00020101021138560010A0000007270126000697041501121133666688880208QRIBFTTA"
            + "54057000153037045802VN6304ED54";

    @Test
    void crcIsCcittFalse() {
        // The check value of CRC-16/CCITT-FALSE in the catalogue of parametrised CRC algorithms.
        assertThat(EmvFields.crc("123456789")).isEqualTo("29B1");
    }

    @Test
    void buildsNapasDynamicExampleByteForByte() {
        VietQr code = new VietQr("970403", "0011012345678", 180_000, "NPS6869", "thanh toan don hang");
        assertThat(code.payload()).isEqualTo(NAPAS_DYNAMIC);
    }

    @Test
    void buildsNapasStaticExampleWithItsLengthCorrected() {
        // As printed, F4E5 signs a wrong length; written right, 9E6F (which vietqr-ts also notes).
        assertThat(new VietQr("970403", "0011012345678", 0, null, null).payload())
                .isEqualTo("00020101021138570010A00000072701270006970403011300110123456780208QRIBFTTA53037045802VN"
                        + "63049E6F");
    }

    @Test
    void readsNapasDynamicExample() {
        assertThat(VietQr.parse(NAPAS_DYNAMIC))
                .isEqualTo(new VietQr("970403", "0011012345678", 180_000, "NPS6869", "thanh toan don hang"));
    }

    @Test
    void readsFieldsInAnyOrder() {
        VietQr unordered = VietQr.parse(EMVQR_GO_UNORDERED);
        assertThat(unordered).isEqualTo(new VietQr("970415", "113366668888", 6000, null, "tien le"));
        assertThat(VietQr.parse(EMVQR_GO_BENCHMARK).amountVnd()).isEqualTo(70001);
    }

    @Test
    void refusesTheStaticExampleAsPrinted() {
        assertThatThrownBy(() -> VietQr.parse(NAPAS_STATIC_AS_PRINTED)).isInstanceOf(InvalidVietQr.class);
    }

    @Test
    void refusesAWrongCrc() {
        String tampered = NAPAS_DYNAMIC.replace("180000", "190000");
        assertThatThrownBy(() -> VietQr.parse(tampered)).isInstanceOf(InvalidVietQr.class).hasMessageContaining("CRC");
        assertThatThrownBy(() -> VietQr.parse(NAPAS_DYNAMIC.substring(0, NAPAS_DYNAMIC.length() - 4) + "2E2F"))
                .isInstanceOf(InvalidVietQr.class).hasMessageContaining("CRC");
    }

    @Test
    void acceptsLowerCaseCrcDigits() {
        String lower = NAPAS_DYNAMIC.substring(0, NAPAS_DYNAMIC.length() - 4) + "2e2e";
        assertThat(VietQr.parse(lower).amountVnd()).isEqualTo(180_000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "6304", "0002016304ABCD", "000201010212630", "00020101021263042E2G" })
    void refusesWhatIsNoPayload(String payload) {
        assertThatThrownBy(() -> VietQr.parse(payload)).isInstanceOf(InvalidVietQr.class);
    }

    @Test
    void refusesALengthRunningPastTheEnd() {
        String body = "000201010212389900" + "6304";
        assertThatThrownBy(() -> VietQr.parse(body + EmvFields.crc(body))).isInstanceOf(InvalidVietQr.class)
                .hasMessageContaining("says it holds 99");
    }

    @Test
    void refusesAFieldGivenTwice() {
        String body = "00020100020101021238570010A00000072701270006970403011300110123456780208QRIBFTTA5303704"
                + "5802VN6304";
        assertThatThrownBy(() -> VietQr.parse(body + EmvFields.crc(body))).isInstanceOf(InvalidVietQr.class)
                .hasMessageContaining("twice");
    }

    @Test
    void refusesAnotherSchemeOrService() {
        String card = new VietQr("970403", "0011012345678", 1000, null, null).payload().replace("QRIBFTTA", "QRIBFTTC");
        String resigned = card.substring(0, card.length() - 4) + EmvFields.crc(card.substring(0, card.length() - 4));
        assertThatThrownBy(() -> VietQr.parse(resigned)).isInstanceOf(InvalidVietQr.class)
                .hasMessageContaining("service code");
        // Another scheme's merchant code (26, from emvqr-go's GetIn case), signed: no NAPAS account in it.
        String other = "00020101021226280010A000000775011001064159995204829953037045802VN5913123VIETNAMESE6005HANOI"
                + "610610000062290313G7AUTO03 SAPO0708G7AUTO046304";
        assertThatThrownBy(() -> VietQr.parse(other + EmvFields.crc(other))).isInstanceOf(InvalidVietQr.class).hasMessageContaining("38");
    }

    @Test
    void refusesACrcThatIsNotLast() {
        String body = "000201010212" + "6304";
        String crc = EmvFields.crc(body);
        // A well-formed CRC, but a field after it: sign the whole again so only the order is wrong.
        String moved = "0002016304" + crc + "5802VN6304";
        assertThatThrownBy(() -> VietQr.parse(moved + EmvFields.crc(moved))).isInstanceOf(InvalidVietQr.class);
    }

    @ParameterizedTest
    @CsvSource({ "970436, 1234567890, 150000, CHOTDON 3AGGHV97", "970405, 9, 1, X",
            "970422, 1234567890123456789, 9999999999999, CHOTDON ABCDEFGHJKMNPQRS" })
    void roundTrips(String bin, String account, long amount, String purpose) {
        VietQr code = VietQr.transfer(bin, account, amount, purpose);
        String payload = code.payload();
        assertThat(payload).startsWith("000201010212").endsWith(EmvFields.crc(payload.substring(0, payload.length() - 4)));
        assertThat(VietQr.parse(payload)).isEqualTo(code);
    }

    @Test
    void anOrderTransferReadsAsExpected() {
        String payload = VietQr.transfer("970436", "1234567890", 150_000, TransferPurpose.of("3AGGHV97")).payload();
        assertThat(payload).isEqualTo("00020101021238540010A00000072701240006970436011012345678900208QRIBFTTA5303704"
                + "5406150000" + "5802VN" + "62200816CHOTDON 3AGGHV97" + "6304" + EmvFields.crc(payload.substring(0,
                        payload.length() - 4)));
    }

    @Test
    void stripsDiacriticsFromThePurpose() {
        VietQr code = VietQr.transfer("970436", "1234567890", 50_000, "Thanh toán đơn hàng");
        assertThat(code.purpose()).isEqualTo("Thanh toan don hang");
        assertThat(VietQr.transfer("970436", "1", 1, "ĐẶT BÁNH GIÒ  Ở Huế").purpose()).isEqualTo("DAT BANH GIO O Hue");
        assertThat(VietQr.transfer("970436", "1", 1, "漢字").purpose()).isNull();
    }

    @Test
    void refusesFieldsOverTheirLimits() {
        assertThatThrownBy(() -> VietQr.transfer("97043", "1", 1, null)).isInstanceOf(InvalidVietQr.class)
                .hasMessageContaining("BIN");
        assertThatThrownBy(() -> VietQr.transfer("97043A", "1", 1, null)).isInstanceOf(InvalidVietQr.class);
        assertThatThrownBy(() -> VietQr.transfer("970436", "12345678901234567890", 1, null))
                .isInstanceOf(InvalidVietQr.class).hasMessageContaining("account number");
        assertThatThrownBy(() -> VietQr.transfer("970436", "123-456", 1, null)).isInstanceOf(InvalidVietQr.class);
        assertThatThrownBy(() -> VietQr.transfer("970436", "", 1, null)).isInstanceOf(InvalidVietQr.class);
        assertThatThrownBy(() -> VietQr.transfer("970436", "1", 10_000_000_000_000L, null))
                .isInstanceOf(InvalidVietQr.class).hasMessageContaining("13 digits");
        assertThatThrownBy(() -> VietQr.transfer("970436", "1", 0, null)).isInstanceOf(InvalidVietQr.class);
        assertThatThrownBy(() -> VietQr.transfer("970436", "1", 1, "A".repeat(26))).isInstanceOf(InvalidVietQr.class)
                .hasMessageContaining("25");
        assertThat(VietQr.transfer("970436", "1", 1, "A".repeat(25)).payload()).contains("0825" + "A".repeat(25));
        assertThatThrownBy(() -> new VietQr("970436", "1", 1, "bill\n", null)).isInstanceOf(InvalidVietQr.class);
    }

    @Test
    void accountNamesAreUpperCaseAscii() {
        assertThat(BankText.accountName("Hợp tác xã Đan Phượng")).isEqualTo("HOP TAC XA DAN PHUONG");
        assertThat(BankText.accountName("  Nguyễn   Thị  Huệ ")).isEqualTo("NGUYEN THI HUE");
    }
}
