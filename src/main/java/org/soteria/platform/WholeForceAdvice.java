package org.soteria.platform;

import java.lang.reflect.Method;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;

/** Runs the methods of {@link WholeForce} beans and methods in the whole-force scope of {@link DataScope}. */
@Configuration(proxyBeanMethods = false)
class WholeForceAdvice {

    /** An infrastructure advisor, so that the auto-proxying Spring already does for transactions applies it too. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor wholeForceAdvisor(ObjectProvider<DataScope> scope) {
        ComposablePointcut pointcut = new ComposablePointcut(new AnnotationMatchingPointcut(WholeForce.class, true))
                .union(AnnotationMatchingPointcut.forMethodAnnotation(WholeForce.class));
        MethodInterceptor interceptor = invocation -> {
            String purpose = purpose(invocation.getMethod(), invocation.getThis());
            Object[] result = new Object[1];
            Throwable[] thrown = new Throwable[1];
            scope.getObject().wholeForce(purpose, () -> {
                try {
                    result[0] = invocation.proceed();
                } catch (Throwable t) {
                    thrown[0] = t;
                }
            });
            if (thrown[0] != null) {
                throw thrown[0];
            }
            return result[0];
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(pointcut, interceptor);
        advisor.setOrder(0);
        return advisor;
    }

    private static String purpose(Method method, Object target) {
        WholeForce onMethod = AnnotatedElementUtils.findMergedAnnotation(method, WholeForce.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        WholeForce onClass = target == null ? null
                : AnnotatedElementUtils.findMergedAnnotation(target.getClass(), WholeForce.class);
        return onClass == null ? "whole-force reader" : onClass.value();
    }
}
