package org.aasr.content.internal;

/** Test fixture: a public type inside the content module's internals, for ModuleBoundariesTest. */
public class FixtureInternalType {}
