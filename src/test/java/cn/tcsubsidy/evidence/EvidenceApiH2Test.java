package cn.tcsubsidy.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.tcsubsidy.shared.CreditCode;
import cn.tcsubsidy.support.Rest;
import cn.tcsubsidy.support.Rest.Response;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Evidence scans over HTTP: the filing enterprise uploads PDF, PNG or JPEG (recognised by their first bytes) within
 * the size limit; the project's readers list and download them; everyone else is refused, and a refused upload
 * stores nothing. The size limit is lowered for the test (64 KiB; 10 MiB in the application).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:tc-evidence-api;DB_CLOSE_DELAY=-1",
    "tc.demo.identities=true",
    "tc.demo.projects=false",
    "tc.evidence.max-file-size=64KB",
    "tc.evidence.max-files-per-project=3",
    "spring.servlet.multipart.max-file-size=128KB",
    "spring.servlet.multipart.max-request-size=129KB",
    "camunda.bpm.job-execution.enabled=false"})
class EvidenceApiH2Test {

    static final byte[] PDF = bytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, bytes("IHDR-test"));
    static final byte[] JPEG = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, bytes("JFIF-test"));
    private static final String ENTERPRISE = "jiyuan-ent-1";
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    cn.tcsubsidy.project.domain.ProjectRepository projects;
    Rest rest;

    @BeforeEach
    void client() {
        rest = new Rest(port);
    }

    static int serial;

    /** A Jiyuan project of jiyuan-ent-1 in 虎岭, being built. */
    long project() {
        serial++;
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("jurisdiction", "jiyuan");
        f.put("unitCode", "huling");
        f.put("enterpriseName", "济源市证明材料测试" + serial + "有限公司");
        f.put("creditCode", CreditCode.withCheckCharacter(String.format("9141900%010d", 500 + serial)));
        f.put("projectCode", String.format("2024-419001-34-03-%06d", 700 + serial));
        f.put("projectName", "技改项目" + serial);
        f.put("category", "TECH_RETROFIT");
        f.put("plannedTotalInvestment", 9_000_000);
        f.put("plannedEquipmentInvestment", 5_000_000);
        f.put("bankName", "中国银行济源分行");
        f.put("bankAccount", "6217000012340001");
        f.put("plannedStartDate", "2024-01-01");
        f.put("plannedEndDate", "2024-10-01");
        Response r = rest.post(ENTERPRISE, "/api/projects", f);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.body().get("projectId").asLong();
    }

    record Answer(int status, HttpHeaders headers, byte[] body) {
        Answer(Rest.Download d) {
            this(d.status(), d.headers(), d.bytes());
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(new String(body, StandardCharsets.UTF_8), e);
            }
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.getFirst(name);
        }
    }

    /**
     * The multipart body written as a browser writes it (a Windows path as the file name, unescaped; a missing part
     * left out entirely): the exact bytes are what these tests are about, so they are built here, not by a client.
     */
    Answer upload(String user, long projectId, String kind, String fileName, String contentType, byte[] content) {
        String boundary = "----evidence" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (kind != null) {
            body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n"));
        }
        if (content != null) {
            body.writeBytes(bytes("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n"));
            body.writeBytes(content);
            body.writeBytes(bytes("\r\n"));
        }
        body.writeBytes(bytes("--" + boundary + "--\r\n"));
        return new Answer(rest.postBytes(user, "/api/projects/" + projectId + "/evidence",
                "multipart/form-data; boundary=" + boundary, body.toByteArray()));
    }

    Answer download(String user, long projectId, long evidenceId) {
        return new Answer(rest.download(user, "/api/projects/" + projectId + "/evidence/" + evidenceId + "/content"));
    }

    long stored(long projectId) {
        return jdbc.sql("select count(*) from project_evidence where project_id = :p").param("p", projectId)
                .query(Long.class).single();
    }

    @Test
    void shouldStoreTheFilersScanWithItsChecksumAndServeItToTheProjectsReaders() throws Exception {
        long id = project();
        Answer up = upload(ENTERPRISE, id, "LOAN_CONTRACT", "C:\\扫描\\借款合同.pdf", "application/pdf", PDF);
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(up.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(up.json().get("size").asLong()).isEqualTo(PDF.length);
        assertThat(up.json().get("fileName").asText()).isEqualTo("借款合同.pdf");
        Map<String, Object> row = jdbc.sql("select sha256, size_bytes, content_type, kind from project_evidence where project_id = :p")
                .param("p", id).query().singleRow();
        assertThat(row.get("sha256")).isEqualTo(sha);
        assertThat(((Number) row.get("size_bytes")).longValue()).isEqualTo(PDF.length);
        assertThat(row.get("content_type")).isEqualTo("application/pdf");
        long evidenceId = up.json().get("id").asLong();
        // A PNG sent as a generic type is kept as what its bytes say it is.
        Answer png = upload(ENTERPRISE, id, "INVOICE", "fapiao.png", "application/octet-stream", PNG);
        assertThat(png.status()).as(png.text()).isEqualTo(201);
        assertThat(png.json().get("contentType").asText()).isEqualTo("image/png");

        for (String reader : List.of(ENTERPRISE, "jiyuan-town-huling", "jiyuan-bureau", "jiyuan-finance", "jiyuan-owner", "admin")) {
            Response list = rest.get(reader, "/api/projects/" + id + "/evidence");
            assertThat(list.status()).as(reader + " " + list.text()).isEqualTo(200);
            assertThat(list.body().get("items")).hasSize(2);
            Answer content = download(reader, id, evidenceId);
            assertThat(content.status()).as(reader).isEqualTo(200);
            assertThat(content.body()).isEqualTo(PDF);
            assertThat(content.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(content.header("Content-Disposition")).startsWith("attachment;")
                    .contains("filename*=UTF-8''");
            assertThat(content.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
        assertThat(history(id)).anyMatch(s -> s.contains("上传证明材料(贷款合同):借款合同.pdf") && s.contains(sha));
    }

    @Test
    void shouldRefuseReadersOutsideTheProjectAndRolesWithoutTheRight() {
        long id = project();
        Answer up = upload(ENTERPRISE, id, "CERTIFICATE", "zhengshu.jpg", "image/jpeg", JPEG);
        assertThat(up.status()).as(up.text()).isEqualTo(201);
        long evidenceId = up.json().get("id").asLong();
        String list = "/api/projects/" + id + "/evidence";
        // Outside the reader's scope the project reads as absent: another enterprise, another town, another tenant,
        // experts while the project is not under their review.
        for (String outsider : List.of("jiyuan-ent-2", "jiyuan-town-yuchuan", "hekou-bureau", "yanzhou-ent-1", "jiyuan-expert-1")) {
            assertThat(rest.get(outsider, list).status()).as(outsider).isEqualTo(404);
            assertThat(download(outsider, id, evidenceId).status()).as(outsider).isEqualTo(404);
            assertThat(upload(outsider, id, "INVOICE", "a.pdf", "application/pdf", PDF).status()).as(outsider).isEqualTo(404);
        }
        // Experts read the evidence of the projects whose review panel they sit on (ProjectScope; a member reads it in
        // ExpertReadScopeScenario): under review, a pool member not on the project's panel reads none of it.
        projects.setStage(id, cn.tcsubsidy.project.domain.Stage.EXPERT_REVIEW);
        assertThat(rest.get("jiyuan-expert-1", list).status()).isEqualTo(404);
        assertThat(download("jiyuan-expert-1", id, evidenceId).status()).isEqualTo(404);
        assertThat(upload("jiyuan-expert-1", id, "INVOICE", "a.pdf", "application/pdf", PDF).status()).isEqualTo(404);
        // Once the town has vouched for the material, it stays as reviewed.
        Answer late = upload(ENTERPRISE, id, "INVOICE", "late.pdf", "application/pdf", PDF);
        assertThat(late.status()).as(late.text()).isEqualTo(400);
        assertThat(late.json().at("/errors/stage").asText()).contains("专家评审中");
        projects.setStage(id, cn.tcsubsidy.project.domain.Stage.IN_PROGRESS);
        // Rule administrators read no project's files.
        assertThat(rest.get("jiyuan-rules", list).status()).isEqualTo(403);
        assertThat(download("jiyuan-rules", id, evidenceId).status()).isEqualTo(403);
        // Only the filing enterprise uploads.
        for (String reader : List.of("jiyuan-town-huling", "jiyuan-bureau", "jiyuan-finance", "jiyuan-owner", "jiyuan-rules")) {
            Answer refused = upload(reader, id, "INVOICE", "a.pdf", "application/pdf", PDF);
            assertThat(refused.status()).as(reader + " " + refused.text()).isEqualTo(403);
        }
        assertThat(rest.get(null, list).status()).isEqualTo(401);
        assertThat(upload(null, id, "INVOICE", "a.pdf", "application/pdf", PDF).status()).isEqualTo(401);
        // An evidence id of another project is absent from this one.
        long other = project();
        assertThat(download(ENTERPRISE, other, evidenceId).status()).isEqualTo(404);
        assertThat(stored(id)).isEqualTo(1);
        assertThat(stored(other)).isZero();
    }

    @Test
    void shouldRefuseBadUploadsByFieldAndStoreNothing() {
        long id = project();
        byte[] big = new byte[64 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "big.pdf", "application/pdf", big), "file", "文件过大");
        // Above the container's multipart limit too: refused the same way, by name.
        byte[] huge = java.util.Arrays.copyOf(PDF, 200 * 1024);
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "huge.pdf", "application/pdf", huge), "file", "文件过大");
        byte[] exe = bytes("MZ\u0090\u0000 not a scan");
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "fapiao.pdf", "application/pdf", exe), "file", "PDF、PNG 或 JPEG");
        byte[] html = bytes("<html><script>alert(1)</script></html>");
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "fapiao.png", "image/png", html), "file", "PDF、PNG 或 JPEG");
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "fapiao.pdf", "image/png", PDF), "file", "不符");
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "empty.pdf", "application/pdf", new byte[0]), "file", "不能为空");
        assertRefused(upload(ENTERPRISE, id, "PHOTO", "a.pdf", "application/pdf", PDF), "kind", "取值无效");
        assertRefused(upload(ENTERPRISE, id, null, "a.pdf", "application/pdf", PDF), "kind", "证明材料类别");
        assertRefused(upload(ENTERPRISE, id, "INVOICE", null, null, null), "file", "请选择");
        assertThat(stored(id)).isZero();
        // At most three files per project here.
        for (int i = 0; i < 3; i++) {
            assertThat(upload(ENTERPRISE, id, "INVOICE", "f" + i + ".pdf", "application/pdf", PDF).status()).isEqualTo(201);
        }
        assertRefused(upload(ENTERPRISE, id, "INVOICE", "f4.pdf", "application/pdf", PDF), "file", "最多上传 3 个");
        assertThat(stored(id)).isEqualTo(3);
    }

    private void assertRefused(Answer a, String field, String reason) {
        assertThat(a.status()).as(a.text()).isEqualTo(400);
        assertThat(a.json().at("/errors/" + field).asText()).as(a.text()).contains(reason);
    }

    private List<String> history(long id) {
        return jdbc.sql("select summary from project_event where project_id = :p order by id").param("p", id)
                .query(String.class).list();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
