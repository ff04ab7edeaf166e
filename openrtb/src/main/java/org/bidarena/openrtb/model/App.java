package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.14, object App. Field names and types follow the specification's table. */
public final class App extends OpenRtbObject {
  public String id;
  public String name;
  public String bundle;
  public String domain;
  public String storeurl;
  public Integer cattax;
  public List<String> cat;
  public List<String> sectioncat;
  public List<String> pagecat;
  public String ver;
  public Integer privacypolicy;
  public Integer paid;
  public Publisher publisher;
  public Content content;
  public String keywords;
  public List<String> kwarray;
  public String inventorypartnerdomain;
}
