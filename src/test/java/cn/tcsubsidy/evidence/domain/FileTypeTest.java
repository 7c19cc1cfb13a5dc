package cn.tcsubsidy.evidence.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileTypeTest {

    @Test
    void shouldRecogniseScansByTheirFirstBytesOnly() {
        assertThat(FileType.of("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII))).hasValue(FileType.PDF);
        assertThat(FileType.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0})).hasValue(FileType.PNG);
        assertThat(FileType.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDB})).hasValue(FileType.JPEG);
        assertThat(FileType.of("%PD".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.of(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(FileType.of(new byte[0])).isEmpty();
    }

    @Test
    void shouldCompareTheDeclaredTypeWithTheContent() {
        assertThat(FileType.PDF.agreesWith("application/pdf")).isTrue();
        assertThat(FileType.PDF.agreesWith("application/octet-stream")).isTrue();
        assertThat(FileType.PDF.agreesWith(null)).isTrue();
        assertThat(FileType.JPEG.agreesWith("image/jpg")).isTrue();
        assertThat(FileType.PDF.agreesWith("image/png")).isFalse();
        assertThat(FileType.PNG.agreesWith("text/html")).isFalse();
    }

    @Test
    void shouldKeepOnlyTheNameOfTheFileWithVisibleCharacters() {
        assertThat(EvidenceFiles.fileName("C:\\扫描\\发票.pdf", FileType.PDF)).isEqualTo("发票.pdf");
        assertThat(EvidenceFiles.fileName("../../etc/passwd", FileType.PDF)).isEqualTo("passwd");
        assertThat(EvidenceFiles.fileName("a\"b\u202Ec\n.pdf", FileType.PDF)).isEqualTo("abc.pdf");
        assertThat(EvidenceFiles.fileName("", FileType.JPEG)).isEqualTo("证明材料.jpg");
        assertThat(EvidenceFiles.fileName(null, FileType.PNG)).isEqualTo("证明材料.png");
        assertThat(EvidenceFiles.fileName("x".repeat(300) + ".pdf", FileType.PDF)).hasSize(200).endsWith(".pdf");
    }
}
