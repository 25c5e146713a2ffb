/** The API description: the services' own OpenAPI documents, combined as the gateway exposes them, and a UI. */
package dev.kaimono.gateway.apidocs;
