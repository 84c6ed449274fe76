package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Package-by-feature boundaries: no cycles, no reaching into internals, only the edge knows Telegram. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(RelohelpApplication.class).verify();
    }

    @Test
    void onlyTheTelegramPackageKnowsTelegram() {
        var classes = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("org.relohelp");
        classes.stream()
                .filter(c -> !c.getPackageName().startsWith("org.relohelp.telegram"))
                .forEach(c -> assertThat(c.getDirectDependenciesFromSelf())
                        .as(c.getName())
                        .noneMatch(d -> d.getTargetClass().getPackageName().startsWith("org.telegram")));
    }
}
