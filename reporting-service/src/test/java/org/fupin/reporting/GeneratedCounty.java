package org.fupin.reporting;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A county of generated households written straight into the read model with set-based SQL, with the
 * precomputed counts the projection would leave: 42 townships of 10 villages, households registered
 * over 2014-2019 with three members each, and a third of them exiting during a 100-day campaign in
 * 2020 (EXIT_PENDING 7 days before EXITED). The benchmarks load it instead of applying millions of
 * events, which would measure the consumer rather than the reports.
 */
final class GeneratedCounty {

    private GeneratedCounty() {
    }

    /** Loads {@code households} households into the county {@code county} (six digits), then refreshes the statistics. */
    static void load(Connection connection, String county, int households) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            sql.execute("drop table if exists story");
            sql.execute("insert into region_fact values ('%1$s', '基准县%1$s', 'COUNTY', null, 1370000, false, false)".formatted(county));
            sql.execute("""
                    insert into region_fact
                    select '%1$s' || lpad(t::text, 3, '0'), '镇' || t, 'TOWNSHIP', '%1$s', 32000, false, false
                    from generate_series(101, 142) t""".formatted(county));
            sql.execute("""
                    insert into region_fact
                    select '%1$s' || lpad(t::text, 3, '0') || lpad(v::text, 3, '0'), '村' || t || '-' || v, 'VILLAGE',
                           '%1$s' || lpad(t::text, 3, '0'), 3200, v %% 3 = 0, v = 203
                    from generate_series(101, 142) t, generate_series(201, 210) v""".formatted(county));
            sql.execute("""
                    create temporary table story as
                    select gen_random_uuid() as id,
                           '%1$s' || lpad((101 + g %% 42)::text, 3, '0') || lpad((201 + (g / 42) %% 10)::text, 3, '0') as village,
                           case when g %% 10 = 0 then date '2015-01-01' + (g %% 5) * 365
                                else date '2014-10-01' + (hashint4(g) & 2147483647) %% 90 end as registered_on,
                           case when g %% 3 = 0 then date '2020-09-01' + (hashint4(-g) & 2147483647) %% 100 end as exited_on
                    from generate_series(0, %2$d) g""".formatted(county, households - 1));
            sql.execute("""
                    insert into household_fact select id, village, 'GENERAL', case when exited_on is null then 'POOR' else 'EXITED' end,
                           registered_on from story""");
            sql.execute("""
                    insert into household_status_history (household_id, effective_date, from_status, to_status, action)
                    select id, registered_on, null, 'POOR', 'REGISTER' from story
                    union all select id, exited_on - 7, 'POOR', 'EXIT_PENDING', 'PROPOSE_EXIT' from story where exited_on is not null
                    union all select id, exited_on, 'EXIT_PENDING', 'EXITED', 'CONFIRM_EXIT' from story where exited_on is not null""");
            sql.execute("""
                    insert into member_fact (member_id, household_id, joined_on, disability_grade, severe_mental_illness)
                    select gen_random_uuid(), id, registered_on, case when k = 2 and exited_on is null then 3 end, false
                    from story, generate_series(0, 2) k""");
            sql.execute("""
                    insert into household_contribution
                    select id, village, registered_on, 'POOR', 1, 3 from story
                    union all select id, village, exited_on - 7, 'POOR', -1, -3 from story where exited_on is not null
                    union all select id, village, exited_on - 7, 'EXIT_PENDING', 1, 3 from story where exited_on is not null
                    union all select id, village, exited_on, 'EXIT_PENDING', -1, -3 from story where exited_on is not null
                    union all select id, village, exited_on, 'EXITED', 1, 3 from story where exited_on is not null""");
            sql.execute("""
                    insert into village_status_change
                    select c.village_code, c.day, c.status, sum(c.households), sum(c.people)
                    from household_contribution c join story s on s.id = c.household_id
                    group by c.village_code, c.day, c.status
                    on conflict (village_code, status, day) do update
                    set households = village_status_change.households + excluded.households,
                        people = village_status_change.people + excluded.people""");
            sql.execute("""
                    insert into village_status_total
                    select c.village_code, c.status, sum(c.households), sum(c.people)
                    from household_contribution c join story s on s.id = c.household_id
                    group by c.village_code, c.status
                    on conflict (village_code, status) do update
                    set households = village_status_total.households + excluded.households,
                        people = village_status_total.people + excluded.people""");
            sql.execute("drop table story");
            sql.execute("analyze");
        }
    }

    /** Rows of dated changes by village, status and day that the county's as-of reports sum. */
    static long datedChanges(Connection connection, String county) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet rows = sql.executeQuery("select count(*) from village_status_change where village_code like '" + county + "%'")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
