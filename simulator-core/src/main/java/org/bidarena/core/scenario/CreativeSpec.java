package org.bidarena.core.scenario;

/** One creative of an agent: its name and its appeal, a factor on CTR. */
public record CreativeSpec(String name, double appeal) {
  public static final CreativeSpec DEFAULT = new CreativeSpec("default", 1.0);
}
