// Swagger UI over the gateway's merged document; "Authorize" takes a token from `./suite token ROLE`.
window.ui = SwaggerUIBundle({
  url: "/openapi",
  dom_id: "#swagger-ui",
  deepLinking: true,
  persistAuthorization: true
});
