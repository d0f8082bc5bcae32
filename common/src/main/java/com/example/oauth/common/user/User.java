package com.example.oauth.common.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A user of the provider: the resource owner of OAuth. As in the article, a
 * user is only a name; there is no password (see the home page's login).
 */
@Entity
@Table(name = "users") // "user" is a reserved word in H2 and most SQL dialects
public class User {

    /** The longest username the login form accepts. */
    public static final int MAX_USERNAME_LENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = MAX_USERNAME_LENGTH)
    private String username;

    protected User() {
        // for JPA
    }

    public User(String username) {
        this.username = username;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }
}
