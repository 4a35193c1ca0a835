package org.soteria.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import org.soteria.platform.WholeForce;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for device exhibits and the force's digital forensics queue. */
@Repository
class DeviceRepository {

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Device(long id, long crimeId, String crimeRef, String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner,
            Long requestId, LocalDate submittedOn, Codes.Triage triage, Codes.DeviceStatus status, LocalDate triagedOn,
            LocalDate startedOn, LocalDate examinedOn, LocalDate returnedOn, boolean restricted) {

        /** Days from submission to examination, or to {@code today} while it waits. */
        public long waitingDays(LocalDate today) {
            LocalDate end = examinedOn != null ? examinedOn : today;
            return java.time.temporal.ChronoUnit.DAYS.between(submittedOn, end);
        }
    }

    private static final String DEVICE_COLUMNS = "d.id, d.crime_id, c.crime_ref, d.exhibit_ref, d.device_type, d.owner_role, "
            + "d.material_request_id, d.submitted_on, d.triage, d.status, d.triaged_on, d.started_on, d.examined_on, "
            + "d.returned_on, c.restricted";

    private static Device device(ResultSet rs) throws SQLException {
        return new Device(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Codes.parse(Codes.DeviceType.class, rs.getString(5)), Codes.parse(Codes.DeviceOwner.class, rs.getString(6)),
                (Long) rs.getObject(7), rs.getObject(8, LocalDate.class), Codes.parse(Codes.Triage.class, rs.getString(9)),
                Codes.parse(Codes.DeviceStatus.class, rs.getString(10)), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class),
                rs.getBoolean(15));
    }

    List<Device> devices(long crimeId) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device_exhibit d join investigation_crime c on c.id = d.crime_id "
                        + "where d.crime_id = ? order by d.submitted_on, d.id")
                .param(crimeId).query((rs, i) -> device(rs)).list();
    }

    /**
     * The force's digital forensics queue: devices not yet examined, most urgent first, then oldest; and
     * those examined since {@code since} for turnaround.
     */
    @WholeForce("the force's digital forensics queue: crime and exhibit references, no personal data; restricted "
            + "crimes are counted but listed only to their named users")
    List<Device> forensicQueue(String force, LocalDate since) {
        return jdbc.sql("select " + DEVICE_COLUMNS + " from device_exhibit d join investigation_crime c on c.id = d.crime_id "
                        + "where c.force_code = ? and (d.status in ('awaiting_triage', 'awaiting_examination', "
                        + "'in_examination') or d.examined_on >= ?) order by case d.triage when 'urgent' then 0 "
                        + "when 'priority' then 1 when 'standard' then 2 else -1 end, d.submitted_on, d.id")
                .params(force, since).query((rs, i) -> device(rs)).list();
    }

    long insertDevice(long crimeId, String exhibitRef, Codes.DeviceType type, Codes.DeviceOwner owner, Long requestId,
            LocalDate submittedOn, String by) {
        return jdbc.sql("insert into device_exhibit (crime_id, exhibit_ref, device_type, owner_role, material_request_id, "
                        + "submitted_on, status, recorded_by) values (?, ?, ?, ?, ?, ?, 'awaiting_triage', ?) returning id")
                .params(crimeId, exhibitRef, type.code(), owner.code(), requestId, submittedOn, by)
                .query(Long.class).single();
    }

    boolean exhibitExists(long crimeId, String exhibitRef) {
        return jdbc.sql("select count(*) from device_exhibit where crime_id = ? and lower(exhibit_ref) = lower(?)")
                .params(crimeId, exhibitRef).query(Long.class).single() > 0;
    }

    boolean advanceDevice(Device d, Codes.DeviceStatus to, LocalDate on, Codes.Triage triage) {
        String column = switch (to) {
            case AWAITING_EXAMINATION -> "triaged_on";
            case IN_EXAMINATION -> "started_on";
            case EXAMINED -> "examined_on";
            case RETURNED -> "returned_on";
            case AWAITING_TRIAGE -> throw new IllegalArgumentException("A device cannot go back to triage");
        };
        return jdbc.sql("update device_exhibit set status = ?, " + column + " = ?, triage = coalesce(?, triage) "
                        + "where id = ? and status = ?")
                .params(to.code(), on, triage == null ? null : triage.code(), d.id(), d.status().code()).update() == 1;
    }
}
