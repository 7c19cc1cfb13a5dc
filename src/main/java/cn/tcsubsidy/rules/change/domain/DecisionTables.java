package cn.tcsubsidy.rules.change.domain;


import cn.tcsubsidy.shared.SafeXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;




import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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

    private final Map<String, Set<String>> keysByJurisdiction = new HashMap<>();

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
        List<String> ids = decisionIds(dmn);
        if (ids.isEmpty()) {
            return new Reading(ids, "文件 " + fileName + " 不含任何决策");
        }
        Set<String> known = shippedKeys(jurisdiction);
        List<String> unknown = ids.stream().filter(id -> !known.contains(id)).sorted().toList();
        if (!unknown.isEmpty()) {
            return new Reading(ids, "文件 " + fileName + " 含本辖区不使用的决策 " + unknown + ",只接受 "
                    + known.stream().sorted().toList());
        }
        return new Reading(ids, null);
    }

    private synchronized Set<String> shippedKeys(String jurisdiction) {
        return keysByJurisdiction.computeIfAbsent(jurisdiction, j -> {
            Set<String> ids = new HashSet<>();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/" + j + "/*.dmn")) {
                    try (InputStream in = r.getInputStream()) {
                        ids.addAll(decisionIds(parse(in.readAllBytes())));
                    } catch (SAXException e) {
                        throw new IllegalStateException("shipped table " + r + " is no valid DMN", e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(ids);
        });
    }

    private static List<String> decisionIds(Document dmn) {
        List<String> ids = new ArrayList<>();
        NodeList decisions = dmn.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            ids.add(((Element) decisions.item(i)).getAttribute("id"));
        }
        return ids;
    }

    private static Document parse(byte[] bytes) throws SAXException, IOException {
        return SafeXml.parse(bytes);
    }
}
