package dev.naslab.evaluator.nb201table;

import dev.naslab.api.Setting;
import dev.naslab.api.SettingException;

/**
 * Where the benchmark's numbers come from.
 *
 * @param table  a NAS-Bench-201 table in naslab's format (naslab table import writes one from any CSV); relative
 *               paths resolve against the folder naslab runs in
 * @param metric the column reported as the row's test accuracy; default {@code cifar10_test}; the table's other
 *               columns become further columns of the results
 */
public record TableSettings(
        @Setting("a NAS-Bench-201 table in naslab's format (naslab table import writes one)") String table,
        @Setting("the column reported as test accuracy; the others become further result columns") String metric) {

    public TableSettings {
        if (table == null || table.isBlank()) {
            throw new SettingException("table", "is required: a NAS-Bench-201 table in naslab's format (write one with "
                    + "naslab table import)");
        }
        metric = metric == null ? "cifar10_test" : metric;
    }
}
