package org.aasr.content.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A story category such as "My AASR Story". */
@Entity
@Table(name = "category")
@NamedQuery(name = "Category.findAll", query = "SELECT c FROM Category c ORDER BY c.name")
@NamedQuery(name = "Category.findBySlug", query = "SELECT c FROM Category c WHERE c.slug = :slug")
class Category {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 120)
  private String slug;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(length = 500)
  private String description;

  @Version private int version;

  protected Category() {}

  Category(String slug) {
    this.slug = slug;
  }

  void edit(String name, String description) {
    this.name = name;
    this.description = description;
  }

  Long getId() {
    return id;
  }

  String getSlug() {
    return slug;
  }

  String getName() {
    return name;
  }

  String getDescription() {
    return description;
  }

  int getVersion() {
    return version;
  }
}
