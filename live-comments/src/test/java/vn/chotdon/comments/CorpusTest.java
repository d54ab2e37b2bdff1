package vn.chotdon.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Runs every comment of {@code corpus/comments.tsv} through the parser and reports how many it reads as a
 * careful person would. The floor sits just below the rate reached when it was last raised (see the
 * module's README); a change that makes the parser worse on real comments fails here.
 *
 * <p>A comment is read correctly when the status matches, the phone matches, a CLEAR intent has exactly
 * the expected lines (codes, quantities, in the order written) and a NEEDS_REVIEW intent carries the
 * expected reason (it may carry others).
 */
class CorpusTest {

    static final double FLOOR = 0.985;
    static final int MIN_COMMENTS = 300;

    record Case(int line, String lineup, String comment, IntentStatus status, List<IntentLine> lines,
            Optional<String> phone, Optional<ReasonCode> reason) {
    }

    @Test
    void theCorpusIsReadCorrectlyAboveTheFloor() throws IOException {
        Map<String, CommentParser> parsers = new LinkedHashMap<>();
        lineups().forEach((id, lineup) -> parsers.put(id, new CommentParser(lineup)));
        List<Case> cases = cases();
        List<String> failures = new ArrayList<>();
        Map<IntentStatus, Integer> byStatus = new LinkedHashMap<>();
        for (Case c : cases) {
            byStatus.merge(c.status(), 1, Integer::sum);
            CommentParser parser = Objects.requireNonNull(parsers.get(c.lineup()), "no lineup " + c.lineup());
            CommentIntent intent = parser.parse(c.comment());
            if (!correct(c, intent)) {
                failures.add(String.format("  line %d [%s] %s%n    expected %s %s %s %s%n    got      %s %s %s %s",
                        c.line(), c.lineup(), c.comment(), c.status(), c.lines(), c.phone().orElse("-"),
                        c.reason().map(Enum::name).orElse("-"), intent.status(), intent.lines(),
                        intent.phoneE164().orElse("-"), intent.reasons().stream().map(r -> r.code().name()).toList()));
            }
        }
        int correct = cases.size() - failures.size();
        double rate = (double) correct / cases.size();
        System.out.printf(Locale.ROOT, "corpus: %d/%d correct (%.1f%%), expected %s%n", correct, cases.size(),
                100 * rate, byStatus);
        failures.forEach(System.out::println);

        assertThat(cases).hasSizeGreaterThanOrEqualTo(MIN_COMMENTS);
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder(IntentStatus.values());
        assertThat(rate).as("share of the corpus read correctly; failures:%n%s", String.join("\n", failures))
                .isGreaterThanOrEqualTo(FLOOR);
    }

    private static boolean correct(Case c, CommentIntent intent) {
        if (intent.status() != c.status() || !intent.phoneE164().equals(c.phone())) {
            return false;
        }
        return switch (c.status()) {
            case CLEAR -> intent.lines().equals(c.lines());
            case NEEDS_REVIEW -> c.reason().map(intent::has).orElse(true);
            case IGNORED -> true;
        };
    }

    static Map<String, Lineup> lineups() throws IOException {
        Map<String, Lineup> lineups = new LinkedHashMap<>();
        Map<String, List<LineupItem>> byId = new LinkedHashMap<>();
        for (Row row : read("corpus/lineups.tsv")) {
            byId.computeIfAbsent(row.cells()[0], k -> new ArrayList<>())
                    .add(new LineupItem(row.cells()[1], row.cells()[2],
                            row.cells().length > 3 ? row.cells()[3] : null));
        }
        byId.forEach((id, list) -> lineups.put(id, new Lineup(list)));
        return lineups;
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        for (Row row : read("corpus/comments.tsv")) {
            String[] cells = row.cells();
            List<IntentLine> lines = cells[3].equals("-") ? List.of() : Arrays.stream(cells[3].split(" "))
                    .map(l -> new IntentLine(l.substring(0, l.lastIndexOf('x')),
                            Integer.parseInt(l.substring(l.lastIndexOf('x') + 1))))
                    .toList();
            cases.add(new Case(row.number(), cells[0], cells[1], IntentStatus.valueOf(cells[2]), lines,
                    Optional.of(cells[4]).filter(p -> !p.equals("-")),
                    Optional.of(cells[5]).filter(r -> !r.equals("-")).map(ReasonCode::valueOf)));
        }
        return cases;
    }

    record Row(int number, String[] cells) {
    }

    private static List<Row> read(String resource) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(CorpusTest.class.getClassLoader().getResourceAsStream(resource), resource),
                StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(new Row(number, line.split("\t", -1)));
                }
            }
        }
        return rows;
    }
}
