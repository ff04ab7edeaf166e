package org.bidarena.openrtb.model;

/** OpenRTB 2.6 section 3.2.23, object Network. Field names and types follow the specification's table. */
public final class Network extends OpenRtbObject {
  public String id;
  public String name;
  public String domain;
}
