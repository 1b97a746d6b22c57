package org.petitionpipeline.email.privacy.access;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** An export as the HTML page shows it: a section per service, a list of fields per record, every value as text. */
public record ExportView(List<Section> sections) {

    public record Section(String service, List<Entry> records) {
    }

    public record Entry(List<Field> fields) {
    }

    public record Field(String name, String value) {
    }

    static ExportView of(AccessExport export) {
        return new ExportView(export.services().stream()
                .map(part -> new Section(part.service(), part.records().stream().map(ExportView::entry).toList()))
                .toList());
    }

    private static Entry entry(Map<String, Object> record) {
        return new Entry(record.entrySet().stream()
                .map(field -> new Field(field.getKey(), Objects.toString(field.getValue(), ""))).toList());
    }
}
