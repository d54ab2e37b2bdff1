package vn.chotdon.catalog.settlement.rest;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import vn.chotdon.catalog.settlement.SettlementReport;

/**
 * A settlement report as CSV for Excel: UTF-8 with a byte order mark (so Vietnamese names show
 * correctly), CRLF line ends, RFC 4180 quoting (Jackson's CSV writer, row by row), one row per
 * member household then a TOTAL row. Text that starts with = + - @ gets a leading ' so that no
 * spreadsheet runs it as a formula (as order-service's shipping list does); amounts are plain
 * whole numbers, negative ones included.
 */
final class SettlementCsv {

    static final String MEDIA_TYPE = "text/csv";
    static final String HEADER = "member_id,member_name,products,units_sold,gross_vnd,reversed_vnd,commission_vnd,"
            + "fees_vnd,net_vnd,paid_out_vnd,owed_vnd";
    /** Strict quoting: only fields with a comma, a quote or a line break are quoted (Jackson's loose check quotes spaces too). */
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private static final CsvSchema SCHEMA = schema();

    private SettlementCsv() {
    }

    static StreamingOutput of(SettlementReport report) {
        return out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            try (SequenceWriter rows = CSV.writer(SCHEMA).writeValues(writer)) {
                for (SettlementReport.MemberSettlement m : report.members()) {
                    rows.write(row(m.memberId() == null ? "" : m.memberId().toString(),
                            m.memberId() == null ? "(no member household)" : m.memberName(), products(m), m.amounts()));
                }
                rows.write(row("", "TOTAL", "", report.totals()));
            }
        };
    }

    private static List<Object> row(String memberId, String name, String products, SettlementReport.Amounts a) {
        List<Object> row = new ArrayList<>();
        row.add(memberId);
        row.add(text(name));
        row.add(text(products));
        for (long amount : new long[] {a.unitsSold(), a.grossVnd(), a.reversedVnd(), a.commissionVnd(), a.feesVnd(),
                a.netVnd(), a.paidOutVnd(), a.owedVnd()}) {
            row.add(Long.toString(amount));
        }
        return row;
    }

    private static String products(SettlementReport.MemberSettlement m) {
        return m.products().stream().map(p -> (p.productName() == null ? "#" + p.productId() : p.productName())
                + " x" + p.unitsSold()).collect(Collectors.joining("; "));
    }

    /** A leading = + - @ is neutralised so that a spreadsheet never runs a name as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return "=+-@".indexOf(value.charAt(0)) < 0 ? value : "'" + value;
    }

    private static CsvSchema schema() {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        for (String column : HEADER.split(",")) {
            builder.addColumn(column);
        }
        return builder.build();
    }
}
