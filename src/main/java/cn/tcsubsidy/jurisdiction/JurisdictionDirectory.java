package cn.tcsubsidy.jurisdiction;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Jurisdictions and their recommending units, as data (tables jurisdiction, recommending_unit). */
@Repository
public class JurisdictionDirectory {

    private final JdbcClient jdbc;

    public JurisdictionDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Jurisdiction> all() {
        return jdbc.sql("select code, name, policy_name from jurisdiction order by code")
                .query((rs, i) -> new Jurisdiction(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<Jurisdiction> find(String code) {
        return jdbc.sql("select code, name, policy_name from jurisdiction where code = :c").param("c", code)
                .query((rs, i) -> new Jurisdiction(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    public boolean exists(String code) {
        return code != null && find(code).isPresent();
    }

    public List<RecommendingUnit> units(String jurisdiction) {
        return jdbc.sql("select jurisdiction_code, code, name from recommending_unit where jurisdiction_code = :j order by code")
                .param("j", jurisdiction)
                .query((rs, i) -> new RecommendingUnit(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    public Optional<RecommendingUnit> unit(String jurisdiction, String code) {
        return jdbc.sql("select jurisdiction_code, code, name from recommending_unit where jurisdiction_code = :j and code = :c")
                .param("j", jurisdiction).param("c", code)
                .query((rs, i) -> new RecommendingUnit(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }
}
