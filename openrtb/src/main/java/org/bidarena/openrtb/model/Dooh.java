package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.32, object Dooh. Field names and types follow the specification's table. */
public final class Dooh extends OpenRtbObject {
  public String id;
  public String name;
  public List<String> venuetype;
  public Integer venuetypetax;
  public Publisher publisher;
  public String domain;
  public String keywords;
  public Content content;
}
