package cn.tcsubsidy.engine.guard;


import cn.tcsubsidy.shared.SafeXml;
import cn.tcsubsidy.shared.ShippedTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;




import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The first check of every deployment, from any path (engine REST, Modeler, Java API, the app's own at start),
 * before the engine parses a decision into something it could evaluate:
 * <ul>
 *   <li>size: a table is at most {@link #MAX_RESOURCE_BYTES}, a deployment {@link #MAX_DEPLOYMENT_BYTES};</li>
 *   <li>no DOCTYPE (no entity tricks in the XML);</li>
 *   <li>FEEL only: an {@code expressionLanguage} anywhere in a DMN that is not FEEL (JUEL reaches the server's
 *       objects, a script language runs code) refuses the deployment; the DMN engine's defaults are FEEL too;</li>
 *   <li>for a signed-in user who is not the administrator: only the decision keys the app ships for that
 *       jurisdiction ({@code dmn/<tenant>/*.dmn}); a table of another key would never be asked.</li>
 * </ul>
 */
public class DecisionTableCheck implements Deployer {

    /** The largest shipped table (Jiyuan's) is about 115 KB; a real table nine times larger still fits. */
    public static final int MAX_RESOURCE_BYTES = 1024 * 1024;
    public static final int MAX_DEPLOYMENT_BYTES = 4 * 1024 * 1024;

    /** The expression languages that are FEEL: the short name and the FEEL namespaces of DMN 1.1–1.5. */
    private static final Set<String> FEEL = Set.of("feel",
            "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/",
            "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/",
            "https://www.omg.org/spec/DMN/20230324/FEEL/");

    private final Map<String, Set<String>> keysByTenant;

    public DecisionTableCheck(Map<String, Set<String>> keysByTenant) {
        this.keysByTenant = Map.copyOf(keysByTenant);
    }

    /** The decision keys of each jurisdiction's shipped tables, {@code dmn/<tenant>/*.dmn} on the classpath. */
    public static DecisionTableCheck forShippedTables(List<String> tenants) {
        Map<String, Set<String>> keys = new HashMap<>();
        tenants.forEach(t -> keys.put(t, ShippedTables.decisionKeys(t)));
        return new DecisionTableCheck(keys);
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        long total = 0;
        Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
        for (ResourceEntity resource : resources.values()) {
            byte[] bytes = resource.getBytes() == null ? new byte[0] : resource.getBytes();
            total += bytes.length;
            if (isDmn(resource.getName()) && bytes.length > MAX_RESOURCE_BYTES) {
                throw new BadUserRequestException("决策表 " + resource.getName() + " 大小 " + bytes.length
                        + " 字节,超过上限 " + MAX_RESOURCE_BYTES + " 字节");
            }
        }
        if (total > MAX_DEPLOYMENT_BYTES) {
            throw new BadUserRequestException("部署大小 " + total + " 字节,超过上限 " + MAX_DEPLOYMENT_BYTES + " 字节");
        }
        Map<String, byte[]> tables = new java.util.LinkedHashMap<>();
        resources.forEach((name, r) -> {
            if (isDmn(name)) {
                tables.put(name, r.getBytes());
            }
        });
        checkTables(deployment.getTenantId(), tables, caller());
    }

    /**
     * The FEEL-only check and, for a signed-in user who is not the administrator, the shipped keys of the tenant; the
     * same for a deployment and for a rule change's preview (which deploys nothing). Throws the refusal.
     */
    public void checkTables(String tenant, Map<String, byte[]> tables, Authentication caller) {
        boolean restricted = caller != null && caller.getUserId() != null && (caller.getGroupIds() == null
                || !caller.getGroupIds().contains(cn.tcsubsidy.shared.Actor.ADMIN_GROUP));
        if (restricted && tenant == null && !tables.isEmpty()) {
            // A tenant-less deployment has no shipped keys to check against (and the map takes no null key): refused
            // here as the tenant guard that runs after this check would refuse it.
            throw new AuthorizationException("用户 " + caller.getUserId() + " 只能为本辖区部署规则表,不能部署到公共(无辖区)部署");
        }
        for (Map.Entry<String, byte[]> table : tables.entrySet()) {
            if (table.getValue() != null && table.getValue().length > MAX_RESOURCE_BYTES) {
                throw new BadUserRequestException("决策表 " + table.getKey() + " 大小 " + table.getValue().length
                        + " 字节,超过上限 " + MAX_RESOURCE_BYTES + " 字节");
            }
            Document dmn = parse(table.getKey(), table.getValue());
            List<String> foreign = nonFeel(dmn.getDocumentElement());
            if (!foreign.isEmpty()) {
                throw new BadUserRequestException("决策表 " + table.getKey() + " 只能使用 FEEL 表达式,不接受:"
                        + String.join(";", foreign));
            }
            if (restricted) {
                Set<String> known = keysByTenant.getOrDefault(tenant, Set.of());
                List<String> unknown = ShippedTables.decisionIds(dmn).stream().filter(id -> !known.contains(id)).sorted().toList();
                if (!unknown.isEmpty()) {
                    throw new AuthorizationException("辖区 " + tenant + " 的规则表只能是本系统使用的决策 "
                            + known.stream().sorted().toList() + ",不接受 " + unknown);
                }
            }
        }
    }

    private static Authentication caller() {
        CommandContext ctx = Context.getCommandContext();
        return ctx == null ? null : ctx.getAuthentication();
    }

    private static boolean isDmn(String name) {
        return name != null && (name.endsWith(".dmn") || name.endsWith(".dmn11.xml"));
    }

    /** Every element that declares a language other than FEEL, as "element id: language". */
    private static List<String> nonFeel(Element root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Element e, List<String> found) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            String name = a.getLocalName() != null ? a.getLocalName() : a.getNodeName();
            if ("expressionLanguage".equals(name) && !FEEL.contains(a.getNodeValue().trim())) {
                String id = e.getAttribute("id");
                found.add((id.isEmpty() ? e.getLocalName() : id) + " 使用 " + a.getNodeValue());
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child) {
                walk(child, found);
            }
        }
    }


    private static Document parse(String name, byte[] bytes) {
        try {
            return SafeXml.parse(bytes);
        } catch (SAXException e) {
            throw new BadUserRequestException("决策表 " + name + " 不是有效的 DMN XML(不接受 DOCTYPE):" + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name, e);
        }
    }
}
