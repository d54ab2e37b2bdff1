package vn.chotdon.order.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void digestsTheTextsUtf8BytesAsTheStandardSays() {
        // FIPS 180-2's example, and a Vietnamese text whose UTF-8 bytes are not its chars.
        assertThat(HexFormat.of().formatHex(Sha256.of("abc")))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(OrderCodes.sha256("Bánh gio"))
                .isEqualTo("73cad939af8fcf811b47c27a0b129e2f5699fceb4db789034dda7ae6845a5773");
    }

    @Test
    void eachCallDigestsWithItsOwnCopyWhateverTheThreads() throws Exception {
        List<Callable<String>> hashes = IntStream.range(0, 2_000)
                .<Callable<String>>mapToObj(i -> () -> OrderCodes.sha256("key-" + (i % 10))).toList();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> done = threads.invokeAll(hashes);
            for (int i = 0; i < done.size(); i++) {
                assertThat(done.get(i).get()).isEqualTo(OrderCodes.sha256("key-" + (i % 10)));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
