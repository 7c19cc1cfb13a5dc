package cn.tcsubsidy.award.scheme.domain;

/**
 * Whose scheme a category takes: the project's recommending unit (UNIT: Huanggang's counties, 各地分年度制定专项奖补方案)
 * or the jurisdiction's own (JURISDICTION: Jiyuan GREEN; the scope code is then the jurisdiction's code).
 */
public enum ScopeKind {
    UNIT,
    JURISDICTION
}
