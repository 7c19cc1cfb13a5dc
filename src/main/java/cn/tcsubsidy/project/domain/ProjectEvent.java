package cn.tcsubsidy.project.domain;

import java.time.LocalDateTime;

/** One entry of a project's history: who decided or reported what, at which stage. */
public record ProjectEvent(long id, Stage stage, String action, String actor, String summary, LocalDateTime occurredAt) {
}
