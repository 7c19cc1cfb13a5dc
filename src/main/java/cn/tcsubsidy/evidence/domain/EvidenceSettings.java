package cn.tcsubsidy.evidence.domain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of evidence uploads ({@code tc.evidence.*}): the size of one file and the number of files per project.
 * The servlet container's multipart limit ({@code spring.servlet.multipart.max-file-size}) must be above
 * {@code maxFileSize}, so that a file just too large is refused here, by name, rather than by the container.
 */
@ConfigurationProperties("tc.evidence")
public record EvidenceSettings(DataSize maxFileSize, int maxFilesPerProject) {

    public EvidenceSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxFilesPerProject = maxFilesPerProject <= 0 ? 100 : maxFilesPerProject;
    }
}
