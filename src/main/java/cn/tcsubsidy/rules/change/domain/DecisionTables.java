package cn.tcsubsidy.rules.change.domain;


import cn.tcsubsidy.shared.SafeXml;
import cn.tcsubsidy.shared.ShippedTables;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;




import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What an uploaded table must be before it is held for approval: DMN XML without DOCTYPE whose decisions are among
 * the keys the app ships for that jurisdiction ({@code dmn/<j>/*.dmn}), as the engine's deployment check will demand
 * on the day it is deployed. Caught at upload, the rule administrator learns it now, not at 00:00 of the date.
 */
@Component
public class DecisionTables {

    private final Map<String, Set<String>> keysByJurisdiction = new java.util.concurrent.ConcurrentHashMap<>();

    /** The decision ids of {@code bytes}, or a Chinese reason why it is no DMN table this jurisdiction uses. */
    public record Reading(List<String> decisions, String problem) {
    }

    public Reading read(String jurisdiction, String fileName, byte[] bytes) {
        Document dmn;
        try {
            dmn = parse(bytes);
        } catch (SAXException | IOException e) {
            return new Reading(List.of(), "文件 " + fileName + " 不是有效的 DMN XML(不接受 DOCTYPE)");
        }
        Element root = dmn.getDocumentElement();
        if (root == null || !"definitions".equals(root.getLocalName())) {
            return new Reading(List.of(), "文件 " + fileName + " 不是 DMN 决策表(根元素应为 definitions)");
        }
        List<String> ids = ShippedTables.decisionIds(dmn);
        if (ids.isEmpty()) {
            return new Reading(ids, "文件 " + fileName + " 不含任何决策");
        }
        Set<String> known = keysByJurisdiction.computeIfAbsent(jurisdiction, ShippedTables::decisionKeys);
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            return new Reading(ids, "文件 " + fileName + " 含本辖区不使用的决策 " + unknown + ",只接受 "
                    + known.stream().sorted().toList());
        }
        return new Reading(ids, null);
    }



    private static Document parse(byte[] bytes) throws SAXException, IOException {
        return SafeXml.parse(bytes);
    }
}
