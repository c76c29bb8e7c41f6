package org.fupin.household.imports.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.fupin.household.registry.persistence.HouseholdEntity;
import org.fupin.household.registry.persistence.MemberEntity;
import org.fupin.platform.bulk.Copy;

/**
 * Stores registered households in bulk with plain JDBC on the connection of the caller's
 * transaction: the same rows as the API's registration (household, members, history entry; the
 * event goes through the outbox's {@code recordAll}), written with one COPY per table and batch of
 * households instead of entity by entity.
 */
@ApplicationScoped
public class RegistrationWriter {

    /** The history action of a household registered by an import. */
    public static final String IMPORT = "IMPORT";

    /** The unique index that keeps an ID number to one current member (V2__households.sql). */
    public static final String ID_NUMBER_INDEX = "household_member_id_number";

    /** The ID numbers among {@code idNumbers} that belong to a current member already. */
    public Set<String> usedIdNumbers(Connection connection, Collection<String> idNumbers) throws SQLException {
        Set<String> used = new HashSet<>();
        if (idNumbers.isEmpty()) {
            return used;
        }
        try (PreparedStatement query = connection.prepareStatement(
                "select id_number from household_member where id_number = any(cast(? as bpchar[])) and removed_reason is null")) {
            query.setArray(1, connection.createArrayOf("text", idNumbers.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    used.add(rows.getString(1));
                }
            }
        }
        return used;
    }

    /**
     * Reserves {@code count} consecutive household serials of the village and returns the first.
     * The counter row stays locked until the transaction ends, so numbers have no gaps.
     */
    public int reserveSerials(Connection connection, String villageCode, int count) throws SQLException {
        try (PreparedStatement reserve = connection.prepareStatement("""
                insert into household_number (village_code, last_serial) values (?, ?)
                on conflict (village_code) do update set last_serial = household_number.last_serial + excluded.last_serial
                returning last_serial""")) {
            reserve.setString(1, villageCode);
            reserve.setInt(2, count);
            try (ResultSet row = reserve.executeQuery()) {
                row.next();
                return row.getInt(1) - count + 1;
            }
        }
    }

    /** The household, member and history rows of the records; their events go through the outbox's recordAll. */
    public void insert(Connection connection, List<RegistrationRecord> records, String actor) throws SQLException {
        Copy.into(connection, "household (id, household_no, village_code, address, phone, category, causes, primary_cause, "
                + "identified_year, annual_income_per_capita, status, risk_type, registered_on, status_since, ever_exited, version, "
                + "created_at, updated_at)", rows -> households(records, rows));
        Copy.into(connection, "household_member (id, household_id, name, id_number, gender, birth_date, relation, health, "
                + "disability_grade, severe_mental_illness, education, labor_capacity, medical_insurance, migrant_worker, version, "
                + "name_search, name_pinyin)", rows -> members(records, rows));
        Copy.into(connection, "household_history (household_id, at, actor, action, changes)", rows -> history(records, actor, rows));
    }

    private static void households(List<RegistrationRecord> records, Copy.Rows rows) throws SQLException {
        for (RegistrationRecord record : records) {
            HouseholdEntity h = record.household();
            rows.add(h.id).add(h.householdNo).add(h.villageCode).add(h.address).add(h.phone).add(h.category)
                    .add("{" + String.join(",", h.causes) + "}").add(h.primaryCause).add(h.identifiedYear)
                    .add(h.annualIncomePerCapita.toPlainString()).add(h.status).add(h.riskType).add(h.registeredOn)
                    .add(h.statusSince).add(h.everExited).add(h.version).add(h.createdAt).add(h.updatedAt).end();
        }
    }

    private static void members(List<RegistrationRecord> records, Copy.Rows rows) throws SQLException {
        for (RegistrationRecord record : records) {
            for (MemberEntity m : record.household().members) {
                rows.add(m.id).add(record.household().id).add(m.name).add(m.idNumber).add(m.gender).add(m.birthDate)
                        .add(m.relation).add(m.health).add(m.disabilityGrade).add(m.severeMentalIllness).add(m.education)
                        .add(m.laborCapacity).add(m.medicalInsurance).add(m.migrantWorker).add(m.version).add(m.nameSearch)
                        .add(m.namePinyin).end();
            }
        }
    }

    private static void history(List<RegistrationRecord> records, String actor, Copy.Rows rows) throws SQLException {
        for (RegistrationRecord record : records) {
            rows.add(record.household().id).add(record.recordedAt()).add(actor).add(IMPORT).add(record.historyChanges()).end();
        }
    }
}
