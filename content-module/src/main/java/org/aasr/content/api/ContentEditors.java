package org.aasr.content.api;

import java.util.Optional;

/**
 * Who may manage content: a port the application that assembles the module provides. The module
 * does not know the staff roles (the console owns them, in one place); it only asks whether the
 * caller is someone who may edit content, and who they are, for the audit log.
 *
 * <p>Every method of {@link StoryAdmin}, {@link PageAdmin} and {@link CategoryAdmin} asks this
 * first and refuses with a {@link SecurityException} when the answer is empty, whatever page called
 * it.
 */
public interface ContentEditors {

  /**
   * The signed-in staff member who may manage content now, by the name the audit log records, or
   * empty when nobody is signed in or the one signed in may not.
   */
  Optional<String> currentEditor();
}
