package org.relohelp.telegram;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Nothing leaves the process before what led to it is in the database file: an update's offset is confirmed
 * (or a webhook answered) only after the update is written, and a message is sent only after its send journal
 * row and everything committed before it are written. The embedded H2 database writes its commits to the file
 * in the background ({@code WRITE_DELAY}), so a killed process may lose the last commits; here those are
 * forced out ({@code CHECKPOINT}, which leaves open transactions open) at the moments that matter. A crash
 * then loses only work nobody outside has seen yet, which is handled again after the restart. Writing every
 * commit at once instead ({@code WRITE_DELAY=0}) costs a file write per commit, three or four per update.
 * Other databases make each commit durable themselves: then this does nothing.
 */
@Component
class WriteAhead {

    private final JdbcClient jdbc;
    private final boolean needed;

    WriteAhead(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            needed = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        }
    }

    /** Writes everything committed so far to the database file; costs nothing when that is done already. */
    void flush() {
        if (needed) {
            jdbc.sql("checkpoint").update();
        }
    }
}
