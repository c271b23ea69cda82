// The readable API page: Swagger UI served by the app itself, reading our OpenAPI document.
window.addEventListener('load', function () {
  SwaggerUIBundle({ url: '/openapi/v1.json', dom_id: '#swagger-ui', deepLinking: true, tryItOutEnabled: false });
});
