package dev.kaimono.catalog.product.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import dev.kaimono.catalog.product.FieldProblem;
import dev.kaimono.catalog.product.Price;

/**
 * The request's {@code price} and {@code currency} make a valid {@link Price}; each problem is reported
 * on the field it concerns, together with the request's other invalid fields.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidPrice.Validator.class)
@interface ValidPrice {

    String message() default "must be a valid price";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<ValidPrice, ProductRequest> {

        @Override
        public boolean isValid(ProductRequest request, ConstraintValidatorContext context) {
            var problems = Price.problems(request.price(), request.currency());
            if (problems.isEmpty()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            for (FieldProblem problem : problems) {
                context.buildConstraintViolationWithTemplate(problem.message().replace("{", "\\{").replace("$", "\\$"))
                        .addPropertyNode(problem.field())
                        .addConstraintViolation();
            }
            return false;
        }
    }
}
