package org.aasr.content.internal;

/**
 * Runs something once the current transaction has committed, and never if it rolls back: deleting a
 * picture file a story no longer uses, which no rollback could bring back. In the container this is
 * {@link JtaAfterCommit}; a test outside it runs the action after its own commit.
 */
@FunctionalInterface
interface AfterCommit {

  void run(Runnable action);
}
