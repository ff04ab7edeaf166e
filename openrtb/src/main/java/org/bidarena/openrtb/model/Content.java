package org.bidarena.openrtb.model;

import java.util.List;

/** OpenRTB 2.6 section 3.2.16, object Content. Field names and types follow the specification's table. */
public final class Content extends OpenRtbObject {
  public String id;
  public Integer episode;
  public String title;
  public String series;
  public String season;
  public String artist;
  public String genre;
  public Integer gtax;
  public List<Integer> genres;
  public String album;
  public String isrc;
  public Producer producer;
  public String url;
  public Integer cattax;
  public List<String> cat;
  public Integer prodq;
  public Integer videoquality;
  public Integer context;
  public String contentrating;
  public String userrating;
  public Integer qagmediarating;
  public String keywords;
  public List<String> kwarray;
  public Integer livestream;
  public Integer sourcerelationship;
  public Integer len;
  public String language;
  public String langb;
  public Integer embeddable;
  public List<Data> data;
  public Network network;
  public Channel channel;
}
