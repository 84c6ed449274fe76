package org.relohelp.knowledge;

import java.util.List;

/** What an import of {@code config/knowledge/} did; {@code invalid} holds "file: reason" lines. */
public record ImportReport(int added, int changed, int unchanged, int retired, List<String> invalid) {
}
