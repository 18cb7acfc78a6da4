package org.aasr.web.admin;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV rows (RFC 4180) that a spreadsheet opens as plain data. A donor types their own name;
 * a name such as {@code =HYPERLINK("http://evil.example")} would run as a formula when staff open
 * the export, so a cell that begins with {@code = + - @}, a tab or a carriage return gets a leading
 * apostrophe, which spreadsheets read as "this is text" (OWASP's CSV injection advice).
 *
 * <p>Usage: {@code writer.write(CsvCells.row(List.of("Ada", "=1+1")));} gives {@code
 * Ada,'=1+1\r\n}.
 */
final class CsvCells {

  private CsvCells() {}

  /** One line of cells, quoted where needed, ended with CRLF. */
  static String row(List<String> cells) {
    return cells.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
  }

  /** One cell: neutralised, then quoted when it holds a comma, a quote or a line break. */
  static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = value;
    char first = v.charAt(0);
    if (first == '='
        || first == '+'
        || first == '-'
        || first == '@'
        || first == '\t'
        || first == '\r') {
      v = "'" + v;
    }
    if (v.indexOf(',') >= 0
        || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0
        || v.indexOf('\r') >= 0) {
      v = '"' + v.replace("\"", "\"\"") + '"';
    }
    return v;
  }
}
