package cn.tcsubsidy.award.scheme.domain;

/**
 * A category whose rate and caps a jurisdiction's document leaves to an annual scheme (table award_scheme_category),
 * whose scheme applies ({@link ScopeKind}), what the scheme's rate is a share of, and the source's words.
 */
public record SchemeCategory(String jurisdiction, String category, ScopeKind scopeKind, String rateMeaning,
                             String source) {
}
