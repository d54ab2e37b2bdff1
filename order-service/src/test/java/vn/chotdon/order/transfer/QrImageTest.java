package vn.chotdon.order.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

public class QrImageTest {

    /** What a scanner reads from the PNG: ZXing's own reader, the other way round. */
    public static String decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int width = image.getWidth();
            int height = image.getHeight();
            int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
            BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (IOException | NotFoundException | ChecksumException | FormatException e) {
            throw new AssertionError("the PNG holds no readable QR code", e);
        }
    }

    @Test
    void aVietQrCodeReadsBackFromItsPng() throws IOException {
        String payload = VietQr.transfer("970436", "1023456789", 150_000, TransferPurpose.of("3AGGHV97")).payload();
        byte[] png = QrImage.png(payload);

        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(image.getHeight()).isGreaterThan(200).isLessThan(600);
        // The quiet zone: the corners are white.
        assertThat(image.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        String read = decode(png);
        assertThat(read).isEqualTo(payload);
        assertThat(VietQr.parse(read).purpose()).isEqualTo("CHOTDON 3AGGHV97");
    }
}
