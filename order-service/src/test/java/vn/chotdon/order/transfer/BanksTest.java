package vn.chotdon.order.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BanksTest {

    @Test
    void theListHoldsTheBanksBuyersUse() {
        assertThat(Banks.all()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(Banks.byBin("970436")).get().extracting(Bank::shortName).isEqualTo("Vietcombank");
        assertThat(Banks.byBin("970405")).get().extracting(Bank::name)
                .isEqualTo("Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam");
        assertThat(Banks.byBin("970422")).get().extracting(Bank::code).isEqualTo("MB");
        // A quoted name keeps its comma.
        assertThat(Banks.byBin("533948")).get().extracting(Bank::name)
                .isEqualTo("Ngân hàng Citibank, N.A. - Chi nhánh Hà Nội");
    }

    @Test
    void unknownBinsAreNotBanks() {
        assertThat(Banks.byBin("123456")).isEmpty();
        assertThat(Banks.byBin(null)).isEmpty();
        assertThat(Banks.all()).allSatisfy(bank -> {
            assertThat(bank.bin()).matches("[0-9]{6}");
            assertThat(bank.shortName()).isNotBlank();
            assertThat(bank.name()).isNotBlank();
        });
    }
}
