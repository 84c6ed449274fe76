package org.relohelp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter.DiagramOptions.DiagramStyle;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter;

/**
 * The module diagram in docs/architecture is the one Spring Modulith draws from the code today: when a module's
 * dependencies change, this fails until the diagram is written again, with
 * {@code ./mvnw test -Dtest=ModuleDocsTest -Drelohelp.docs.write=true} (the PlantUML source and its SVG picture).
 */
class ModuleDocsTest {

    private static final Path DOCS = Path.of("docs/architecture");

    @Test
    void theModuleDiagramInTheDocsIsTheCodes() throws IOException {
        Path generated = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "modulith-docs-");
        new Documenter(ApplicationModules.of(RelohelpApplication.class), generated.toString())
                .writeModulesAsPlantUml(DiagramOptions.defaults().withStyle(DiagramStyle.UML));
        String diagram = canonical(Files.readString(generated.resolve("components.puml")));
        if (Boolean.getBoolean("relohelp.docs.write")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("modules.puml"), diagram);
            Files.writeString(DOCS.resolve("modules.svg"), svg(diagram));
        }
        assertThat(Files.readString(DOCS.resolve("modules.puml")))
                .as("docs/architecture/modules.puml is out of date: write it again with "
                        + "./mvnw test -Dtest=ModuleDocsTest -Drelohelp.docs.write=true")
                .isEqualTo(diagram);
        assertThat(DOCS.resolve("modules.svg")).exists();
    }

    /**
     * The Documenter lists the arrows between modules in no fixed order (it differs from run to run); sorted, the
     * same code always gives the same file.
     */
    private static String canonical(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        List<Integer> arrows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(".>")) {
                arrows.add(i);
            }
        }
        List<String> sorted = arrows.stream().map(lines::get).sorted().toList();
        for (int i = 0; i < arrows.size(); i++) {
            lines.set(arrows.get(i), sorted.get(i));
        }
        return String.join("\n", lines) + "\n";
    }

    /** PlantUML's own Java layout (smetana): no Graphviz needed. */
    private static String svg(String diagram) throws IOException {
        String withLayout = diagram.replaceFirst("@startuml\\R", "@startuml\n!pragma layout smetana\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(withLayout).outputImage(out, new FileFormatOption(FileFormat.SVG));
        return out.toString(StandardCharsets.UTF_8);
    }
}
