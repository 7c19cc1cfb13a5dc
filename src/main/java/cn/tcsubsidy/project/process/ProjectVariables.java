package cn.tcsubsidy.project.process;

import java.util.Map;

/** Reads the project id an instance of tc-project carries. */
public final class ProjectVariables {

    private ProjectVariables() {
    }

    public static long projectId(Map<String, Object> variables) {
        Object id = variables.get(TcProjectProcess.Vars.PROJECT_ID);
        if (!(id instanceof Number n)) {
            throw new IllegalStateException("process instance carries no projectId");
        }
        return n.longValue();
    }
}
