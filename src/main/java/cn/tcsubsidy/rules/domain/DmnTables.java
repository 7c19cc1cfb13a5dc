package cn.tcsubsidy.rules.domain;


import cn.tcsubsidy.shared.SafeXml;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;




import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads the decision tables of a DMN file (bytes) as a bureau reads them. The XML is parsed the way the deployment
 * check parses it ({@code engine.guard.DecisionTableCheck}): namespace aware, secure processing, no DOCTYPE, no
 * external entities, no XInclude.
 */
public final class DmnTables {

    /** A condition or result column: its id, the label a user reads, the FEEL expression or output name. */
    record Column(String id, String label, String expression, ReadableCells.Kind kind) {
    }

    /** One rule: its id, its description and the raw FEEL text of each input and output entry. */
    record Rule(String id, String description, List<String> inputs, List<String> outputs) {
    }

    /** One decision: a decision table, or a literal expression shown as a table of one row and one result. */
    record Decision(String key, String name, String hitPolicy, List<Column> inputs, List<Column> outputs,
                    List<Rule> rules) {
    }

    private DmnTables() {
    }

    /** The readable tables of {@code dmn}, with the award category codes of every jurisdiction translated. */
    public static List<ReadableTable> read(byte[] dmn) {
        return read(dmn, null);
    }

    /** The readable tables of {@code dmn}; codes are translated with the jurisdiction's own names first. */
    public static List<ReadableTable> read(byte[] dmn, String jurisdiction) {
        ReadableCells cells = new ReadableCells(jurisdiction);
        List<ReadableTable> tables = new ArrayList<>();
        for (Decision d : parse(dmn)) {
            tables.add(readable(d, cells));
        }
        return tables;
    }

    static ReadableTable readable(Decision d, ReadableCells cells) {
        List<ReadableRow> rows = new ArrayList<>();
        for (Rule r : d.rules()) {
            rows.add(new ReadableRow(r.id(), cells.row(d, r), source(d, r)));
        }
        return new ReadableTable(d.key(), d.name(), d.hitPolicy(),
                d.inputs().stream().map(Column::label).toList(), d.outputs().stream().map(Column::label).toList(), rows);
    }

    /**
     * The sentence a row rests on: a basis output (named basis, or labelled 依据) holding a string; else a string
     * output that quotes the source (“…”); else the rule's description; null when there is none.
     */
    static String source(Decision d, Rule r) {
        String quoting = null;
        for (int i = 0; i < d.outputs().size() && i < r.outputs().size(); i++) {
            String s = ReadableCells.stringLiteral(r.outputs().get(i));
            if (s == null || s.isBlank()) {
                continue;
            }
            Column c = d.outputs().get(i);
            String name = c.expression() == null ? "" : c.expression();
            if (name.equalsIgnoreCase("basis") || name.endsWith("Basis") || c.label().contains("依据")) {
                return s;
            }
            if (quoting == null && s.contains("“")) {
                quoting = s;
            }
        }
        if (quoting != null) {
            return quoting;
        }
        return r.description() == null || r.description().isBlank() ? null : r.description().trim();
    }

    static List<Decision> parse(byte[] dmn) {
        Document doc = document(dmn);
        List<Decision> decisions = new ArrayList<>();
        for (Element decision : children(doc.getDocumentElement(), "decision")) {
            String key = decision.getAttribute("id");
            String name = decision.getAttribute("name");
            Element table = first(decision, "decisionTable");
            if (table != null) {
                decisions.add(table(key, name, table));
                continue;
            }
            Element literal = first(decision, "literalExpression");
            Element variable = first(decision, "variable");
            String result = variable == null ? key : variable.getAttribute("name");
            List<Rule> rules = literal == null ? List.of()
                    : List.of(new Rule(literal.getAttribute("id"), null, List.of(), List.of(text(literal))));
            decisions.add(new Decision(key, name, null, List.of(),
                    List.of(new Column(result, result, result, ReadableCells.kindOf(result, result))), rules));
        }
        return decisions;
    }

    private static Decision table(String key, String name, Element table) {
        String hitPolicy = table.getAttribute("hitPolicy").isBlank() ? "UNIQUE" : table.getAttribute("hitPolicy").trim();
        if (!table.getAttribute("aggregation").isBlank()) {
            hitPolicy = hitPolicy + " " + table.getAttribute("aggregation").trim();
        }
        List<Column> inputs = new ArrayList<>();
        for (Element input : children(table, "input")) {
            Element expression = first(input, "inputExpression");
            String feel = expression == null ? "" : text(expression);
            String label = input.getAttribute("label").isBlank() ? feel : input.getAttribute("label").trim();
            inputs.add(new Column(input.getAttribute("id"), label, feel, ReadableCells.kindOf(label, feel)));
        }
        List<Column> outputs = new ArrayList<>();
        for (Element output : children(table, "output")) {
            String outputName = output.getAttribute("name");
            String label = output.getAttribute("label").isBlank() ? outputName : output.getAttribute("label").trim();
            outputs.add(new Column(output.getAttribute("id"), label, outputName,
                    ReadableCells.kindOf(label, outputName)));
        }
        List<Rule> rules = new ArrayList<>();
        for (Element rule : children(table, "rule")) {
            Element description = first(rule, "description");
            rules.add(new Rule(rule.getAttribute("id"), description == null ? null : description.getTextContent(),
                    children(rule, "inputEntry").stream().map(DmnTables::text).toList(),
                    children(rule, "outputEntry").stream().map(DmnTables::text).toList()));
        }
        return new Decision(key, name, hitPolicy, inputs, outputs, rules);
    }

    /** The FEEL text of an entry or expression: its {@code <text>} child, trimmed ("" when empty). */
    private static String text(Element e) {
        Element text = first(e, "text");
        return text == null ? "" : text.getTextContent().trim();
    }

    private static Element first(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName() != null ? e.getLocalName() : e.getNodeName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static Document document(byte[] bytes) {
        try {
            return SafeXml.parse(bytes);
        } catch (SAXException e) {
            throw new UnreadableTableException("规则表不是有效的 DMN XML(不接受 DOCTYPE):" + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read a DMN file", e);
        }
    }

    /** For tests and the diff: the decision of {@code key}, or null. */
    static Decision find(List<Decision> decisions, String key) {
        return decisions.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }

    static Map<String, Decision> byKey(List<Decision> decisions) {
        Map<String, Decision> m = new java.util.LinkedHashMap<>();
        decisions.forEach(d -> m.putIfAbsent(d.key(), d));
        return m;
    }
}
