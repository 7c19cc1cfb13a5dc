package cn.tcsubsidy;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TcSubsidyApplication {

    public static void main(String[] args) {
        SpringApplication.run(TcSubsidyApplication.class, args);
    }
}
