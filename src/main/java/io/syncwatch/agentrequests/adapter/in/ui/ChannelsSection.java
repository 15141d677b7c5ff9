package io.syncwatch.agentrequests.adapter.in.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;

import io.syncwatch.agentrequests.application.port.in.ManageCompany;
import io.syncwatch.agentrequests.domain.Channel;
import io.syncwatch.agentrequests.domain.ChannelMode;
import io.syncwatch.agentrequests.domain.CompanySettings;
import io.syncwatch.platform.AccountId;
import io.syncwatch.platform.shell.Forms;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Company Info › Channels: each channel enabled or not, manual or integrated, and a form to add one. */
class ChannelsSection extends CompanyInfoSection {

    final Grid<Channel> grid = new Grid<>();
    final TextField newChannel = new TextField();

    ChannelsSection(ManageCompany company, AccountId account, CompanySaves saves) {
        super("channels", "Channels", "Requests are accepted only on enabled channels; production keys need integrated mode.");
        grid.setId("channel-grid");
        newChannel.setId("new-channel");
        // no visible label beside the grid: screen readers still hear what the field is for
        newChannel.setAriaLabel("New channel");
        grid.addColumn(Channel::name).setHeader("Channel").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Checkbox enabled = new Checkbox("Enabled", c.enabled());
            enabled.addValueChangeListener(e -> saves.save(() -> company.saveChannel(account, c.name(), e.getValue(), c.mode())));
            return enabled;
        }).setHeader("Enabled");
        grid.addComponentColumn(c -> {
            Select<ChannelMode> mode = modeSelect();
            mode.setValue(c.mode());
            mode.addValueChangeListener(e -> saves.save(() -> company.saveChannel(account, c.name(), c.enabled(), e.getValue())));
            return mode;
        }).setHeader("Mode");
        grid.setAllRowsVisible(true);
        newChannel.setPlaceholder("e.g. whatsapp");
        Select<ChannelMode> channelMode = modeSelect();
        Binder<NewChannel> form = Forms.binder(NewChannel.class);
        form.bind(newChannel, "name");
        form.bind(channelMode, "mode");
        form.readRecord(new NewChannel("", ChannelMode.MANUAL));
        Button addButton = new Button("Add channel", e -> Forms.record(form)
                .ifPresent(c -> saves.save(() -> company.saveChannel(account, c.name(), true, c.mode()), form)));
        addButton.setId("add-channel");
        add(grid, row(newChannel, channelMode, addButton));
    }

    void show(CompanySettings settings) {
        grid.setItems(settings.channels());
    }

    /** Selects the channel a fix link named, or fills its name in to add it; says which. */
    String showItem(CompanySettings settings, String item) {
        return settings.channel(item).map(c -> {
            grid.select(c);
            return "Channel “" + c.name() + "” is selected below (" + (c.enabled() ? "enabled" : "disabled") + ", "
                    + (c.mode() == ChannelMode.MANUAL ? "manual" : "integrated") + " mode).";
        }).orElseGet(() -> {
            newChannel.setValue(item);
            return "There is no channel “" + item + "”: its name is filled in below to add it.";
        });
    }

    private static Select<ChannelMode> modeSelect() {
        Select<ChannelMode> mode = new Select<>();
        mode.setItems(ChannelMode.values());
        mode.setItemLabelGenerator(m -> m == ChannelMode.MANUAL ? "Manual" : "Integrated");
        return mode;
    }

    /** Adding a channel: its name and mode (the use case's words for the name's rule). */
    public record NewChannel(
            @NotBlank(message = "The channel name is required (at most 40 characters).") @Size(max = 40, message = "The channel name is required (at most 40 characters).") String name,
            @NotNull(message = "Choose a mode") ChannelMode mode) {
    }
}
