package org.aasr.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

  record Story(String title, int words) {}

  private final RecordElResolver resolver = new RecordElResolver();
  private final ELContext context =
      new ELContext() {
        @Override
        public ELResolver getELResolver() {
          return resolver;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
          return null;
        }

        @Override
        public VariableMapper getVariableMapper() {
          return null;
        }
      };

  @Test
  void readsARecordComponent() {
    assertEquals("A title", resolver.getValue(context, new Story("A title", 3), "title"));
    assertTrue(context.isPropertyResolved());
  }

  @Test
  void leavesUnknownPropertiesToOtherResolvers() {
    assertNull(resolver.getValue(context, new Story("A title", 3), "author"));
    assertFalse(context.isPropertyResolved());
  }

  @Test
  void leavesOtherObjectsToOtherResolvers() {
    assertNull(resolver.getValue(context, "not a record", "length"));
    assertFalse(context.isPropertyResolved());
  }

  @Test
  void refusesToWriteARecord() {
    Story story = new Story("A title", 3);

    assertTrue(resolver.isReadOnly(context, story, "title"));
    assertThrows(
        PropertyNotWritableException.class,
        () -> resolver.setValue(context, story, "title", "Another"));
  }
}
