package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.annotation.Scheduled;

/** A cron read in the machine's time zone runs at another hour on every machine: each one names its zone. */
class ScheduledJobsTest {

    @Test
    void everyCronNamesItsZone() {
        List<JavaMethod> crons = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.relohelp").stream()
                .flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(Scheduled.class))
                .filter(m -> !m.getAnnotationOfType(Scheduled.class).cron().isEmpty())
                .toList();
        assertThat(crons).as("the weekly stale list and the daily purge").hasSizeGreaterThanOrEqualTo(2);
        assertThat(crons).allSatisfy(m -> assertThat(m.getAnnotationOfType(Scheduled.class).zone())
                .as(m.getFullName()).isNotBlank());
    }
}
