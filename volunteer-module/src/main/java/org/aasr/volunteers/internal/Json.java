package org.aasr.volunteers.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;

/**
 * A small JSON writer for the data export: objects, arrays, strings, numbers, booleans and null,
 * indented for a person who opens the file. Written here rather than taken from JSON-P because the
 * export is the only JSON the module makes, and the module's tests then need no JSON-P
 * implementation.
 *
 * <p>Usage: {@code new Json().begin().field("id", 3).field("name", "Ada").end().toString()}.
 */
final class Json {

  private final StringBuilder out = new StringBuilder();

  /** For each open object or array: whether it has an element yet (a comma is due before more). */
  private final Deque<Boolean> open = new ArrayDeque<>();

  /** True right after a field's name, where its value follows without a comma. */
  private boolean afterName;

  /** Opens the document's object, or an object as the next array element. */
  Json begin() {
    beforeValue();
    out.append('{');
    open.push(false);
    return this;
  }

  /** Opens an object as the value of a field. */
  Json begin(String name) {
    name(name);
    return begin();
  }

  /** Closes the innermost object. */
  Json end() {
    close('}');
    return this;
  }

  /** Opens an array as the value of a field. */
  Json beginArray(String name) {
    name(name);
    beforeValue();
    out.append('[');
    open.push(false);
    return this;
  }

  /** Closes the innermost array. */
  Json endArray() {
    close(']');
    return this;
  }

  Json field(String name, String value) {
    name(name);
    string(value);
    return this;
  }

  Json field(String name, long value) {
    name(name);
    beforeValue();
    out.append(value);
    return this;
  }

  Json field(String name, boolean value) {
    name(name);
    beforeValue();
    out.append(value);
    return this;
  }

  /** A UTC time, in ISO 8601 with a Z, or null. */
  Json field(String name, LocalDateTime utc) {
    return field(name, utc == null ? null : utc.atOffset(ZoneOffset.UTC).toInstant().toString());
  }

  /** An array of strings. */
  Json field(String name, Collection<String> values) {
    beginArray(name);
    values.forEach(this::string);
    return endArray();
  }

  private void name(String name) {
    string(name);
    out.append(": ");
    afterName = true;
  }

  private void beforeValue() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (open.isEmpty()) {
      return;
    }
    if (open.pop()) {
      out.append(',');
    }
    open.push(true);
    newline(open.size());
  }

  private void close(char bracket) {
    boolean any = open.pop();
    if (any) {
      newline(open.size());
    }
    out.append(bracket);
  }

  private void newline(int depth) {
    out.append('\n').append("  ".repeat(depth));
  }

  private void string(String value) {
    beforeValue();
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out + "\n";
  }
}
