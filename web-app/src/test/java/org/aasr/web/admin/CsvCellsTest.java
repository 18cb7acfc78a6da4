package org.aasr.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=1+1|'=1+1",
        "+1|'+1",
        "-1|'-1",
        "@SUM(A1)|'@SUM(A1)",
        "Ada Lovelace|Ada Lovelace",
        "a=b|a=b"
      })
  void aCellThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe(String in, String out) {
    assertEquals(out, CsvCells.cell(in));
  }

  @Test
  void aTabOrCarriageReturnAtTheStartIsNeutralisedToo() {
    assertEquals("'\tx", CsvCells.cell("\tx"));
    assertEquals("\"'\rx\"", CsvCells.cell("\rx"));
  }

  @Test
  void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
    assertEquals("\"Lovelace, Ada\"", CsvCells.cell("Lovelace, Ada"));
    assertEquals("\"say \"\"hi\"\"\"", CsvCells.cell("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvCells.cell("two\nlines"));
    assertEquals(
        "\"'=HYPERLINK(\"\"http://evil.example\"\")\"",
        CsvCells.cell("=HYPERLINK(\"http://evil.example\")"));
  }

  @Test
  void aRowEndsWithCrLfAndEmptyCellsStayEmpty() {
    assertEquals("a,,'=b\r\n", CsvCells.row(java.util.Arrays.asList("a", null, "=b")));
    assertEquals("x\r\n", CsvCells.row(List.of("x")));
  }
}
