package cn.tcsubsidy.objection;

import cn.tcsubsidy.objection.domain.ObjectionService;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A signed written objection as the bureau records it, for tests. */
public final class ObjectionFixture {

    public static final String OBJECTOR = "张异议";
    public static final String ID_NUMBER = "37150019800101123X";
    public static final String CONTACT = "13800000001";

    private ObjectionFixture() {
    }

    public static Map<String, Object> objector(String grounds) {
        Map<String, Object> v = new HashMap<>();
        v.put("objectorName", OBJECTOR);
        v.put("idType", "RESIDENT_ID");
        v.put("idNumber", ID_NUMBER);
        v.put("contact", CONTACT);
        v.put("grounds", grounds);
        return v;
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n% signed objection letter\n".getBytes(StandardCharsets.US_ASCII);
    }

    public static ObjectionService.Scan scan() {
        return new ObjectionService.Scan("异议书.pdf", "application/pdf", pdf());
    }

    public static Map<String, Object> outcome(String outcome, String findings) {
        return Map.of("objectionOutcome", outcome, "objectionFindings", findings, "objectionBasis", "本局异议处理规程第五条");
    }
}
