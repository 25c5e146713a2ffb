// Shows the gateway's combined API description; "Authorize" takes an access token from POST /api/auth/token.
window.ui = SwaggerUIBundle({
  url: "/api/docs/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: false
});
