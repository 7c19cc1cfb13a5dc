package cn.tcsubsidy.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The decision keys the app ships for a jurisdiction ({@code dmn/<tenant>/*.dmn} on the classpath): the only keys a
 * rule administrator may deploy or upload for it. One reading for the engine's deployment check and the rule changes.
 */
public final class ShippedTables {

    private ShippedTables() {
    }

    public static Set<String> decisionKeys(String tenant) {
        Set<String> ids = new HashSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:dmn/" + tenant + "/*.dmn")) {
                try (InputStream in = r.getInputStream()) {
                    ids.addAll(decisionIds(SafeXml.parse(in.readAllBytes())));
                } catch (SAXException e) {
                    throw new IllegalStateException("shipped table " + r + " is no valid DMN", e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(ids);
    }

    /** The ids of the document's decisions, in document order. */
    public static List<String> decisionIds(Document dmn) {
        List<String> ids = new ArrayList<>();
        NodeList decisions = dmn.getElementsByTagNameNS("*", "decision");
        for (int i = 0; i < decisions.getLength(); i++) {
            ids.add(((Element) decisions.item(i)).getAttribute("id"));
        }
        return ids;
    }
}
