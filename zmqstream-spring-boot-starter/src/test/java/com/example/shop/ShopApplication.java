package com.example.shop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application a new project already has: the README's snippets are added to it, nothing else. */
@SpringBootApplication
public class ShopApplication {

    /**
     * Starts the application.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        SpringApplication.run(ShopApplication.class, args);
    }
}
